import { computed, reactive } from 'vue';

const items = reactive<Record<string, number>>({});

/** The shop's cart: a tiny reactive store shared by the pages. */
export const cart = {
  items,
  count: computed(() => Object.values(items).reduce((sum, n) => sum + n, 0)),
  add(sku: string) {
    items[sku] = (items[sku] ?? 0) + 1;
  },
  clear() {
    for (const sku of Object.keys(items)) delete items[sku];
  },
};
