const items = $state<Record<string, number>>({});

/** The shop's cart: rune state shared by the pages. */
export const cart = {
  items,
  get count() {
    return Object.values(items).reduce((sum, n) => sum + n, 0);
  },
  add(sku: string) {
    items[sku] = (items[sku] ?? 0) + 1;
  },
  clear() {
    for (const sku of Object.keys(items)) delete items[sku];
  },
};
