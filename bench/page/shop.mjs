// Renders the benchmark's shop page: a sticky header, product cards, a 100-row table, a checkout
// form and a live-updating list, about 1,800 elements. Deterministic: the same HTML every run.
import { readFileSync } from 'node:fs';

const NAMES = [
  'Trail',
  'Harbor',
  'Summit',
  'Meadow',
  'Canyon',
  'Glacier',
  'Prairie',
  'Delta',
  'Ridge',
  'Cove',
];
const KINDS = ['Jacket', 'Boot', 'Backpack', 'Lantern', 'Tent', 'Bottle', 'Scarf', 'Glove', 'Stove', 'Map'];

function product(i, category) {
  const name = `${NAMES[(i * 7 + category) % 10]} ${KINDS[(i * 3 + category * 5) % 10]} ${category}-${i}`;
  const price = (((i * 37 + category * 11) % 200) + 9.99).toFixed(2);
  return `<article class="card" data-sku="sku-${category}-${i}">
<a class="card-link" href="/product/${category}-${i}"><div class="thumb" style="background:hsl(${(i * 29) % 360} 60% 80%)"></div></a>
<h3 class="card-title"><a href="/product/${category}-${i}">${name}</a></h3>
<p class="card-desc">Durable, light and made for <em>every</em> season. Rated <strong>${(i % 5) + 1}/5</strong>.</p>
<div class="card-meta"><span class="price">$${price}</span><span class="badge">${i % 3 === 0 ? 'New' : 'In stock'}</span></div>
<div class="card-actions"><button type="button" class="add" data-sku="sku-${category}-${i}">Add to cart</button><button type="button" class="wish" aria-label="Save">♡</button></div>
</article>`;
}

/** The product grid of one category (60 cards, about 720 elements); SPA navigations swap it. */
export function renderProducts(category) {
  let html = '';
  for (let i = 0; i < 60; i++) html += product(i, category);
  return html;
}

function table() {
  let rows = '';
  for (let i = 0; i < 100; i++) {
    rows += `<tr data-row="${i}"><td>#${1000 + i}</td><td>${NAMES[i % 10]} ${KINDS[(i * 7) % 10]}</td><td>${(i * 13) % 50}</td><td>$${((i * 17) % 300).toFixed(2)}</td><td><span class="status">${i % 4 === 0 ? 'shipped' : 'pending'}</span></td></tr>`;
  }
  return `<table id="orders"><thead><tr><th>Order</th><th>Item</th><th>Qty</th><th>Total</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function form() {
  const field = (id, label, type = 'text', extra = '') =>
    `<div class="field"><label for="${id}">${label}</label><input id="${id}" name="${id}" type="${type}" ${extra}></div>`;
  return `<form id="checkout" novalidate>
<fieldset><legend>Contact</legend>${field('name', 'Full name')}${field('email', 'E-mail', 'email')}${field('phone', 'Phone', 'tel')}</fieldset>
<fieldset><legend>Shipping</legend>${field('street', 'Street')}${field('city', 'City')}${field('zip', 'Postcode')}
<div class="field"><label for="country">Country</label><select id="country" name="country"><option>France</option><option>Germany</option><option>Spain</option><option>Italy</option></select></div></fieldset>
<fieldset><legend>Payment</legend>${field('card', 'Card number', 'text', 'autocomplete="cc-number"')}${field('cvc', 'CVC', 'password')}</fieldset>
<div class="field"><label for="notes">Notes</label><textarea id="notes" name="notes" rows="3"></textarea></div>
<label><input type="checkbox" id="terms"> I accept the terms</label>
<button type="submit" id="pay">Pay now</button></form>`;
}

function liveList() {
  let items = '';
  for (let i = 0; i < 40; i++)
    items += `<li class="live-item"><span class="who">Visitor ${i}</span> bought <b>${KINDS[i % 10]}</b></li>`;
  return `<ul id="live">${items}</ul>`;
}

function header() {
  let nav = '';
  for (let c = 0; c < 8; c++)
    nav += `<li><a class="nav" href="/category/${c}" data-category="${c}">${KINDS[c]}s</a></li>`;
  return `<header id="top"><a class="logo" href="/">Spoor Outdoor</a><nav><ul>${nav}</ul></nav>
<form role="search" id="search"><input id="q" type="search" placeholder="Search" aria-label="Search"></form>
<button type="button" id="cart">Cart <span id="cart-count">0</span></button></header>`;
}

/** The whole page; `app.js` (inline) adds the page functions the workload drives. */
export function renderShop() {
  const app = readFileSync(new URL('./app.js', import.meta.url), 'utf8');
  const css = readFileSync(new URL('./shop.css', import.meta.url), 'utf8');
  let footer = '';
  for (let i = 0; i < 24; i++) footer += `<li><a href="/help/${i}">Help topic ${i}</a></li>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spoor Outdoor — Category 0</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head><body>
${header()}
<main><aside id="filters"><h2>Filters</h2>${['Size', 'Colour', 'Brand', 'Price']
    .map(
      (f) =>
        `<details open><summary>${f}</summary>${[1, 2, 3, 4].map((n) => `<label><input type="checkbox"> ${f} ${n}</label>`).join('')}</details>`,
    )
    .join('')}</aside>
<section id="products"><h1 id="heading">Category 0</h1><div id="grid">${renderProducts(0)}</div></section>
<section id="orders-section"><h2>Your orders</h2>${table()}</section>
<section id="checkout-section"><h2>Checkout</h2>${form()}</section>
<section id="live-section"><h2>Happening now</h2>${liveList()}</section></main>
<footer><ul>${footer}</ul><p>© Spoor Outdoor</p></footer>
<script>${app}</script></body></html>`;
}
