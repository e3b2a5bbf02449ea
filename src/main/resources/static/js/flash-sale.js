// The flash-sale page: the countdown runs from the seconds the server computed (not the phone's clock); at zero an
// upcoming session turns its buy buttons on without a reload. A tap posts to the gate with one Idempotency-Key for the
// tap (a double tap is one attempt), shows the answer (a refusal's message comes localized from the server), and
// polls the claim until its order can be paid.
(function () {
  var box = document.querySelector('[data-flash-countdown]');
  var texts = {};
  var template = document.getElementById('flash-texts');
  if (template) template.content.querySelectorAll('[data-text]').forEach(function (n) { texts[n.getAttribute('data-text')] = n.textContent; });
  var two = function (n) { return (n < 10 ? '0' : '') + n; };

  if (box) {
    var clock = box.querySelector('[data-flash-clock]');
    var end = Date.now() + parseInt(box.getAttribute('data-seconds'), 10) * 1000;
    var upcoming = box.getAttribute('data-upcoming') === 'true';
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var days = Math.floor(left / 86400), rest = left % 86400;
      clock.textContent = (days > 0 ? days + 'd ' : '') + two(Math.floor(rest / 3600)) + ':' + two(Math.floor(rest % 3600 / 60)) + ':' + two(rest % 60);
      if (left === 0) {
        if (upcoming) {
          // it starts now: the buttons work at once; the page reloads a little later to count down to the end
          document.querySelectorAll('[data-flash-buy]').forEach(function (b) { b.disabled = false; });
          var phase = document.querySelector('[data-flash-phase]');
          if (phase) phase.textContent = box.getAttribute('data-running-label');
          setTimeout(function () { window.location.reload(); }, 30000);
        } else {
          setTimeout(function () { window.location.reload(); }, 1500);
        }
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
      var result = button.closest('[data-sku]').querySelector('[data-flash-result]');
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
        } else {
          show(result, answer.body.detail || texts.error);
          if (answer.body.code === 'flash.sold-out' || answer.body.code === 'flash.limit-reached') button.disabled = true;
        }
      }).catch(function () { pendingKey = null; show(result, texts.error); });
    });
  });
})();
