import { Link } from 'react-router';
import { products } from '../products';

export function ProductList() {
  return (
    <>
      <h1>Products</h1>
      <ul className="products">
        {products.map((product) => (
          <li key={product.sku}>
            <Link to={`/products/${product.sku}`}>{product.name}</Link> <span>€{product.price}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
