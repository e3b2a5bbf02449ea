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
// Product page: the 选择规格 sheet (storefront/product-sheet.html). Every SKU option carries its own, already localized,
// figures, so a tap updates price, stock, 分享赚 and 券后价 here and in the headline without asking the server.
(function () {
  var sheet = document.getElementById('buy');
  if (!sheet || !sheet.classList.contains('ks-sheet')) return;
  var backdrop = document.querySelector('.ks-sheet-backdrop');
  var quantity = sheet.querySelector('input[name=quantity]');
  var toastBox = document.querySelector('.ks-toast');
  var toastTimer;

  function setText(selector, text) {
    document.querySelectorAll(selector).forEach(function (node) {
      node.textContent = text || '';
      if (node.hasAttribute('data-sheet-text') && node.getAttribute('data-sheet-text') !== 'price') node.hidden = !text;
    });
  }

  function clampQuantity() {
    var max = parseInt(quantity.max, 10) || 1;
    var value = parseInt(quantity.value, 10);
    quantity.value = isNaN(value) ? 1 : Math.min(Math.max(value, 1), max);
  }

  function choose(option) {
    setText('[data-sheet-text=price], [data-sku-headline=price]', option.getAttribute('data-price-label'));
    setText('[data-sheet-text=stock]', option.getAttribute('data-stock-label'));
    setText('[data-sheet-text=coupon-price]', option.getAttribute('data-coupon-label'));
    setText('[data-sheet-text=chosen]', sheet.getAttribute('data-chosen-label').replace('{0}', option.getAttribute('data-spec')));
    if (option.hasAttribute('data-earning-label')) {
      setText('[data-sheet-text=earning], [data-sku-headline=earning]', option.getAttribute('data-earning-label'));
      document.querySelectorAll('[data-sku-headline=earning]').forEach(function (node) { node.hidden = false; });
    }
    quantity.max = option.getAttribute('data-max');
    clampQuantity();
  }

  function open(intent) {
    sheet.setAttribute('data-intent', intent);
    backdrop.hidden = false;
    document.body.classList.add('ks-sheet-shown');
    sheet.setAttribute('data-state', 'opening');
    requestAnimationFrame(function () {
      sheet.classList.add('open');
      if (parseFloat(getComputedStyle(sheet).transitionDuration) === 0) sheet.setAttribute('data-state', 'open');
    });
  }

  function close() {
    sheet.classList.remove('open');
    sheet.setAttribute('data-state', 'closed');
    backdrop.hidden = true;
    document.body.classList.remove('ks-sheet-shown');
  }

  // tests and assistive tech can tell when the slide-up has finished
  sheet.addEventListener('transitionend', function () {
    if (sheet.classList.contains('open')) sheet.setAttribute('data-state', 'open');
  });

  function toast(text, failed) {
    toastBox.textContent = text;
    toastBox.classList.toggle('failed', !!failed);
    toastBox.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastBox.hidden = true; }, 2500);
  }

  function bumpBadge(cart) {
    var lines = cart.unavailable.length;
    cart.orders.forEach(function (order) { lines += order.lines.length; });
    document.querySelectorAll('[data-cart-badge]').forEach(function (badge) {
      badge.textContent = lines > 99 ? '99+' : String(lines);
      badge.hidden = lines === 0;
    });
  }

  // signed in, 加入购物车 stays on the page: the cart API, then a toast
  function addToCart() {
    var chosen = sheet.querySelector('input[name=skuId]:checked');
    var token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    if (!chosen || !token) return false;
    var button = sheet.querySelector('[data-intent=cart]');
    button.disabled = true;
    fetch(sheet.getAttribute('data-cart-api'), {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token[1])},
      body: JSON.stringify({skuId: Number(chosen.value), quantity: Number(quantity.value)})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.detail || sheet.getAttribute('data-failed-label'));
        close();
        bumpBadge(body);
        toast(sheet.getAttribute('data-added-label'), false);
      });
    }).catch(function (error) {
      toast(error.message || sheet.getAttribute('data-failed-label'), true);
    }).finally(function () { button.disabled = false; });
    return true;
  }

  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-sheet-open]');
    if (opener) { open(opener.getAttribute('data-sheet-open')); return; }
    if (event.target.closest('[data-sheet-close]')) { close(); return; }
    var step = event.target.closest('[data-step]');
    if (step && sheet.contains(step)) {
      quantity.value = (parseInt(quantity.value, 10) || 1) + parseInt(step.getAttribute('data-step'), 10);
      clampQuantity();
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && sheet.classList.contains('open')) close();
  });
  sheet.addEventListener('change', function (event) {
    if (event.target.name === 'skuId') choose(event.target);
    if (event.target === quantity) clampQuantity();
  });
  sheet.addEventListener('submit', function (event) {
    clampQuantity();
    var intent = event.submitter && event.submitter.getAttribute('data-intent');
    if (intent === 'cart' && sheet.hasAttribute('data-cart-api') && addToCart()) event.preventDefault();
  });
})();
// The language switch keeps the page's own query (a product's chosen SKU, where to return after signing in): only lang changes.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[data-lang-switch]');
  if (!link) return;
  var url = new URL(window.location.href);
  url.searchParams.set('lang', new URL(link.href, window.location.href).searchParams.get('lang'));
  link.href = url.toString();
});
// A countdown's text for seconds left: 5天 23:54:52 / 5d 23:54:52 (the day unit from the page's language, <html data-days>).
window.ksCountdownText = function (left) {
  var two = function (n) { return (n < 10 ? '0' : '') + n; };
  var days = Math.floor(left / 86400), rest = left % 86400;
  var unit = document.documentElement.getAttribute('data-days') || 'd';
  return (days > 0 ? days + unit + ' ' : '') + two(Math.floor(rest / 3600)) + ':' + two(Math.floor(rest % 3600 / 60)) + ':' + two(rest % 60);
};
// Countdowns (red packets, groups, bargains): seconds left from the server, so the phone's clock does not matter; at
// zero the page reloads to show what the end changed.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-countdown-seconds]').forEach(function (box) {
    var clock = box.querySelector('[data-countdown-clock]');
    var end = Date.now() + parseInt(box.getAttribute('data-countdown-seconds'), 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      clock.textContent = window.ksCountdownText(left);
      if (left === 0) { setTimeout(function () { window.location.reload(); }, 1500); return; }
      setTimeout(tick, 1000);
    };
    tick();
  });
});
// 复制 (data-copy holds the text): the clipboard API where the page is secure; elsewhere (plain http) the old way.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-copy]');
  if (!button) return;
  var text = button.getAttribute('data-copy');
  var done = function () { var label = button.textContent; button.textContent = button.getAttribute('data-copied'); setTimeout(function () { button.textContent = label; }, 1500); };
  var byHand = function () {
    var area = document.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); done(); } catch (e) { /* the text stays selectable by hand */ }
    document.body.removeChild(area);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, byHand);
  else byHand();
});
