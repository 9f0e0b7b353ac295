import { describeShopExample } from '../../../test-utils/shopExample';

describeShopExample({ example: 'svelte-vite' });
