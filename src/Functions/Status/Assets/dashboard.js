// The dashboard's live refresh: while the tab is visible, fetch the table fragment every 15 s and swap it in,
// keeping the focused link and the scroll position. Without this script the page works the same, by reloading
// ("Làm mới"). No framework, no build step; served from our own origin, so the Content-Security-Policy's
// script-src 'self' allows it.
(function () {
  'use strict';
  var regionId = 'bang-theo-doi';
  var region = document.getElementById(regionId);
  if (!region || !window.fetch || !('content' in document.createElement('template'))) {
    return;
  }

  var period = (parseInt(region.getAttribute('data-refresh-seconds'), 10) || 15) * 1000;
  var timer = null;
  var stopped = false;

  function schedule() {
    window.clearTimeout(timer);
    if (!stopped && document.visibilityState === 'visible') {
      timer = window.setTimeout(refresh, period);
    }
  }

  function focusKey(element) {
    if (!element || !region.contains(element)) {
      return null;
    }
    return element.id ? { id: element.id } : element.getAttribute('href') ? { href: element.getAttribute('href') } : null;
  }

  function restoreFocus(key) {
    if (!key) {
      return;
    }
    var candidates = region.querySelectorAll(key.id ? '[id]' : 'a[href]');
    for (var i = 0; i < candidates.length; i++) {
      if ((key.id && candidates[i].id === key.id) || (key.href && candidates[i].getAttribute('href') === key.href)) {
        candidates[i].focus({ preventScroll: true });
        return;
      }
    }
  }

  function refresh() {
    var source = region.getAttribute('data-source');
    fetch(source, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var fresh = template.content.getElementById(regionId);
        if (!fresh) {
          throw new Error('no table in the answer');
        }
        var key = focusKey(document.activeElement);
        var x = window.scrollX;
        var y = window.scrollY;
        var scroller = region.querySelector('.table-scroll');
        var scrollLeft = scroller ? scroller.scrollLeft : 0;
        region.replaceWith(fresh);
        region = fresh;
        var freshScroller = region.querySelector('.table-scroll');
        if (freshScroller) {
          freshScroller.scrollLeft = scrollLeft;
        }
        restoreFocus(key);
        window.scrollTo(x, y);
        schedule();
      })
      .catch(function () {
        // Signed out, or the server is away: stop; the "Làm mới" link still reloads the page.
        stopped = true;
      });
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      refresh();
    } else {
      window.clearTimeout(timer);
    }
  });
  schedule();
})();
