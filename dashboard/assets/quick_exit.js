/* Quick exit, and keeping the help bar from hiding what has focus.
 *
 * Served from this site's own origin and linked from every first response (deferred), so the
 * Content-Security-Policy allows it without a hash. Quick exit follows GOV.UK's "Exit this
 * page" component: it is a real link to a neutral site, so it works without this script.
 *
 * - A click on the Quick exit link, or Escape pressed twice within ESCAPE_WINDOW_MS, blanks
 *   the page and replaces it with the link's neutral site through location.replace: this
 *   page's entry in the history is overwritten, so Back does not return to it. Earlier
 *   entries stay; nothing else ever touches the history, so Back works as usual for everyone
 *   who does not use Quick exit.
 * - Escape also stops a page that is loading, in most browsers: once an exit has begun, every
 *   further Escape starts it again, so a panicked third press cannot leave this page on
 *   screen.
 * - The link's description (#shell-quick-exit-hint) says what the plain link does; this
 *   script puts the words for what it does instead (data-script-hint), since it runs.
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
    var leavingTo = null;

    function exitTo(link) {
        var target = link && link.getAttribute("href");
        if (!target) {
            return false;
        }
        leavingTo = target;
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
        if (leavingTo) {
            window.location.replace(leavingTo);
            return;
        }
        var now = Date.now();
        if (now - lastEscape <= ESCAPE_WINDOW_MS) {
            exitTo(document.querySelector("[data-quick-exit]"));
        }
        lastEscape = now;
    }, true);

    function describeScripted() {
        var hint = document.getElementById("shell-quick-exit-hint");
        var words = hint && hint.getAttribute("data-script-hint");
        if (words && hint.textContent !== words) {
            hint.textContent = words;
        }
    }

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

    // The bar is in the first response; after Dash takes the page over (takeover.js) and on
    // every navigation it draws, a new bar replaces it: follow whichever bar is there now.
    function watchBar() {
        describeScripted();
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
