import { createRouter, createWebHistory } from 'vue-router';
import Checkout from './pages/Checkout.vue';
import Home from './pages/Home.vue';
import ProductList from './pages/ProductList.vue';
import ProductPage from './pages/ProductPage.vue';
import Thanks from './pages/Thanks.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/products', component: ProductList },
    { path: '/products/:sku', component: ProductPage, props: true },
    { path: '/checkout', component: Checkout },
    { path: '/thanks', component: Thanks },
  ],
});
