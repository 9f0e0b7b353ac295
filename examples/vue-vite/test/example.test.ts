import { describeShopExample } from '../../../test-utils/shopExample';

describeShopExample({ example: 'vue-vite' });
