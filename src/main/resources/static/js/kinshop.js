// Echoes the XSRF-TOKEN cookie as a header on every htmx request (forms carry their own hidden token), and runs the resend countdown of the code button.
document.addEventListener('htmx:configRequest', function (event) {
  var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  if (match) {
    event.detail.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
  }
});
document.addEventListener('htmx:afterSwap', function (event) {
  var status = event.detail.target.querySelector('[data-countdown]');
  var button = document.querySelector('[data-code-button]');
  if (!status || !button) return;
  var seconds = parseInt(status.getAttribute('data-countdown'), 10);
  var label = button.getAttribute('data-label');
  button.disabled = true;
  var tick = function () {
    if (seconds <= 0) { button.disabled = false; button.textContent = label; return; }
    button.textContent = seconds + 's';
    seconds -= 1;
    setTimeout(tick, 1000);
  };
  tick();
});
// Product page: the headline price and 分享赚 follow the SKU chosen (each SKU radio carries its own, already localized, labels).
document.addEventListener('change', function (event) {
  var sku = event.target;
  if (!sku.matches || !sku.matches('input[data-price-label]')) return;
  var price = document.querySelector('[data-sku-headline=price]');
  var earning = document.querySelector('[data-sku-headline=earning]');
  if (price) price.textContent = sku.getAttribute('data-price-label');
  if (earning && sku.hasAttribute('data-earning-label')) {
    earning.textContent = sku.getAttribute('data-earning-label');
    earning.hidden = false;
  }
});
// The language switch keeps the page's own query (a product's chosen SKU, where to return after signing in): only lang changes.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[data-lang-switch]');
  if (!link) return;
  var url = new URL(window.location.href);
  url.searchParams.set('lang', new URL(link.href, window.location.href).searchParams.get('lang'));
  link.href = url.toString();
});
