export interface Product {
  sku: string;
  name: string;
  price: number;
  blurb: string;
}

export const products: readonly Product[] = [
  { sku: 'trail-mug', name: 'Trail mug', price: 18, blurb: 'Enamel, 350 ml, survives campfires.' },
  {
    sku: 'field-notebook',
    name: 'Field notebook',
    price: 12,
    blurb: 'Waterproof paper, 80 pages, dot grid.',
  },
  { sku: 'canvas-tote', name: 'Canvas tote', price: 24, blurb: 'Heavy cotton canvas with an inner pocket.' },
];

export function findProduct(sku: string | undefined): Product | undefined {
  return products.find((product) => product.sku === sku);
}
