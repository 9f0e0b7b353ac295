import { SpoorPlugin } from '@spoor/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { tracker } from './spoor';
import './styles.css';

// The plugin provides the tracker, registers v-spoor-* directives, records a page view per route
// change and stops the tracker when the app unmounts.
createApp(App).use(router).use(SpoorPlugin, { tracker, router }).mount('#app');
