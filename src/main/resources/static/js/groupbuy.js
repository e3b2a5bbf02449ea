// Group page: counts down to the group's deadline (seconds from the server, so the phone's clock does not matter) and
// reloads at zero so the page shows the group's outcome; 复制链接 copies the share link (with the sharer's shop code).
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
      if (left === 0) { setTimeout(function () { window.location.reload(); }, 2000); return; }
      setTimeout(tick, 1000);
    };
    tick();
  }
  var copy = document.querySelector('[data-copy-share]');
  if (copy) {
    copy.addEventListener('click', function () {
      var input = document.querySelector('[data-testid="share-link"]');
      input.select();
      var done = function () { copy.textContent = copy.getAttribute('data-copied'); };
      if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(input.value).then(done, done); }
      else { try { document.execCommand('copy'); } catch (e) { /* the link stays selected to copy by hand */ } done(); }
    });
  }
});
