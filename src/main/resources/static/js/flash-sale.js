// The flash-sale page: the countdown runs from the seconds the server computed (not the phone's clock); at zero an
// upcoming session turns its buy buttons on without a reload. A tap posts to the gate with one Idempotency-Key for the
// tap (a double tap is one attempt), shows the answer (a refusal's message comes localized from the server), and
// polls the claim until its order can be paid.
(function () {
  var box = document.querySelector('[data-flash-countdown]');
  var texts = {};
  var template = document.getElementById('flash-texts');
  if (template) template.content.querySelectorAll('[data-text]').forEach(function (n) { texts[n.getAttribute('data-text')] = n.textContent; });

  if (box) {
    var clock = box.querySelector('[data-flash-clock]');
    var label = box.querySelector('[data-flash-countdown-label]');
    var end = Date.now() + parseInt(box.getAttribute('data-seconds'), 10) * 1000;
    var upcoming = box.getAttribute('data-upcoming') === 'true';
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      clock.textContent = window.ksCountdownText(left);
      if (left === 0 && upcoming) {
        // it starts now: the buttons work at once, and the countdown runs on to the end
        upcoming = false;
        document.querySelectorAll('[data-flash-buy]').forEach(function (b) { b.disabled = false; });
        var phase = document.querySelector('[data-flash-phase]');
        if (phase) phase.textContent = box.getAttribute('data-running-label');
        if (label) label.textContent = box.getAttribute('data-ends-label');
        end += parseInt(box.getAttribute('data-duration'), 10) * 1000; // from the start, even if this timer fired late (a sleeping phone)
        if (end <= Date.now()) { window.location.reload(); return; }
        tick();
        return;
      } else if (left === 0) {
        setTimeout(function () { window.location.reload(); }, 1500);
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }

  function key() {
    return 'tap-' + Date.now() + '-' + Math.random().toString(36).slice(2, 10);
  }

  function csrf() {
    var token = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return token ? decodeURIComponent(token[1]) : '';
  }

  function show(result, text, link) {
    result.textContent = text;
    if (link) {
      var a = document.createElement('a');
      a.href = link; a.className = 'btn btn-sm btn-danger rounded-pill ms-2'; a.textContent = texts.pay;
      result.appendChild(a);
    }
  }

  function showLeft(item, remaining) {
    var left = item.querySelector('[data-flash-left]');
    if (left && texts.left) left.textContent = texts.left.replace('#LEFT#', remaining).replace('#ALL#', item.getAttribute('data-quantity'));
  }

  // the units left, as the server counts them now (after this buyer's unit, and everyone else's)
  function refreshLeft(item, saleId) {
    fetch('/api/flash-sales/' + saleId, {headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (sale) {
      (sale.items || []).forEach(function (it) {
        if (String(it.skuId) === item.getAttribute('data-sku')) showLeft(item, it.remaining);
      });
    }).catch(function () { /* the count stays as it was */ });
  }

  function follow(result, claimId, rounds) {
    fetch('/api/me/flash-claims/' + claimId, {headers: {'Accept': 'application/json'}}).then(function (r) { return r.json(); }).then(function (claim) {
      if (claim.status === 'ORDERED') {
        show(result, texts.won, '/me/pay/' + claim.checkoutNumber);
      } else if (claim.status === 'QUEUED' && rounds > 0) {
        setTimeout(function () { follow(result, claimId, rounds - 1); }, 500);
      } else {
        show(result, texts[(claim.status || 'error').toLowerCase()] || texts.queued);
      }
    }).catch(function () { show(result, texts.error); });
  }

  document.querySelectorAll('[data-flash-buy]').forEach(function (button) {
    var pendingKey = null;
    button.addEventListener('click', function () {
      var item = button.closest('[data-flash-item]');
      var result = item.querySelector('[data-flash-result]');
      var address = document.querySelector('[data-flash-address]');
      pendingKey = pendingKey || key(); // taps until an answer arrives share the key: one attempt
      fetch('/api/me/flash-sales/' + button.getAttribute('data-sale') + '/buys', {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': csrf(), 'Idempotency-Key': pendingKey},
        body: JSON.stringify({skuId: Number(button.getAttribute('data-sku')), addressId: address ? Number(address.value) : null})
      }).then(function (r) { return r.json().then(function (body) { return {status: r.status, body: body}; }); }).then(function (answer) {
        pendingKey = null;
        if (answer.status === 202) {
          button.disabled = true;
          show(result, texts.queued);
          follow(result, answer.body.claimId, 20);
          refreshLeft(item, button.getAttribute('data-sale')); // winners only: at most one read per unit, never one per refusal
        } else {
          show(result, answer.body.detail || texts.error);
          if (answer.body.code === 'flash.sold-out' || answer.body.code === 'flash.limit-reached') button.disabled = true;
          if (answer.body.code === 'flash.sold-out') showLeft(item, 0);
        }
      }).catch(function () { pendingKey = null; show(result, texts.error); });
    });
  });
})();
