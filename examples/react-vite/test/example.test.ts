import { describeShopExample } from '../../../test-utils/shopExample';

describeShopExample({ example: 'react-vite', replay: true });
