import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

interface Cart {
  items: Record<string, number>;
  count: number;
  add(sku: string): void;
  clear(): void;
}

const CartContext = createContext<Cart | null>(null);

export function CartProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Record<string, number>>({});
  const cart = useMemo<Cart>(
    () => ({
      items,
      count: Object.values(items).reduce((sum, n) => sum + n, 0),
      add: (sku) => setItems((current) => ({ ...current, [sku]: (current[sku] ?? 0) + 1 })),
      clear: () => setItems({}),
    }),
    [items],
  );
  return <CartContext.Provider value={cart}>{children}</CartContext.Provider>;
}

export function useCart(): Cart {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart() must be used inside <CartProvider>');
  return cart;
}
