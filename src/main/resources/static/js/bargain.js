// Bargain page: counts down to the deadline (seconds from the server, so the phone's clock does not matter) and
// reloads at zero so the buttons close without a refresh; the copy button puts the share link on the clipboard.
document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('[data-countdown-seconds]');
  if (box) {
    var clock = box.querySelector('[data-countdown-clock]');
    var end = Date.now() + parseInt(box.getAttribute('data-countdown-seconds'), 10) * 1000;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var days = Math.floor(left / 86400);
      var rest = left % 86400;
      clock.textContent = (days > 0 ? days + 'd ' : '') + two(Math.floor(rest / 3600)) + ':' + two(Math.floor(rest % 3600 / 60)) + ':' + two(rest % 60);
      if (left === 0) { setTimeout(function () { window.location.reload(); }, 1500); return; }
      setTimeout(tick, 1000);
    };
    tick();
  }
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var input = document.querySelector(button.getAttribute('data-copy'));
      input.select();
      var done = function () { button.textContent = button.getAttribute('data-copied'); };
      if (navigator.clipboard) { navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); }); }
      else { document.execCommand('copy'); done(); }
    });
  });
});
