/* Quick exit, and keeping the help bar from hiding what has focus.
 *
 * Served from this site's own origin (Dash adds every script under assets/ to the page), so
 * the Content-Security-Policy allows it without a hash.
 *
 * - A click on the Quick exit link, or Escape pressed twice within ESCAPE_WINDOW_MS, replaces
 *   this page with the link's neutral site through location.replace: the tracker's entry in
 *   the history is overwritten, so Back does not return to it.
 * - The help bar sticks to the top of the window. Its height goes into --help-bar-height,
 *   which style.css uses as scroll-padding-top: whatever receives focus or is the target of
 *   an in-page link scrolls clear of the bar (WCAG 2.2, 2.4.11 Focus Not Obscured). A bar
 *   taller than a third of the window (very large text) is not kept stuck: it would hide
 *   too much of the page.
 */
(function () {
    "use strict";

    var ESCAPE_WINDOW_MS = 1500;
    var lastEscape = 0;

    function exitTo(link) {
        var target = link && link.getAttribute("href");
        if (!target) {
            return false;
        }
        // Blank the page first, so nothing of it stays on screen while the next one loads.
        document.documentElement.style.visibility = "hidden";
        window.location.replace(target);
        return true;
    }

    document.addEventListener("click", function (event) {
        var link = event.target instanceof Element
            ? event.target.closest("[data-quick-exit]") : null;
        if (link && !event.defaultPrevented && exitTo(link)) {
            event.preventDefault();
        }
    }, true);

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") {
            return;
        }
        var now = Date.now();
        if (now - lastEscape <= ESCAPE_WINDOW_MS) {
            exitTo(document.querySelector("[data-quick-exit]"));
        }
        lastEscape = now;
    }, true);

    var measured = null;
    var sizes = typeof ResizeObserver === "function" ? new ResizeObserver(publishHeight) : null;

    // A bar taller than this share of the window stays at the top of the page instead.
    var MAX_SHARE = 1 / 3;

    function publishHeight() {
        var bar = document.getElementById("shell-help");
        var height = bar ? bar.getBoundingClientRect().height : 0;
        var stuck = bar !== null && height <= window.innerHeight * MAX_SHARE;
        if (bar) {
            bar.classList.toggle("help-banner-static", !stuck);
        }
        document.documentElement.style.setProperty("--help-bar-height",
            (stuck ? height : 0) + "px");
    }

    // Dash renders each page into the document after this script runs, and replaces the bar
    // on every navigation: follow whichever bar is there now.
    function watchBar() {
        var bar = document.getElementById("shell-help");
        if (bar === measured) {
            return;
        }
        if (sizes && measured) {
            sizes.unobserve(measured);
        }
        measured = bar;
        if (sizes && bar) {
            sizes.observe(bar);
        }
        publishHeight();
    }

    new MutationObserver(watchBar).observe(document.documentElement,
        {childList: true, subtree: true});
    window.addEventListener("resize", publishHeight);
    watchBar();
}());
