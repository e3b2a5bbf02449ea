// Sends the CSRF token with every htmx request, and runs the resend countdown of the code button.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && token.content) {
    event.detail.headers[header.content] = token.content;
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
