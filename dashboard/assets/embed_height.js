/* The embedded view (/embed/indicator/<id>) tells the page that frames it how tall it is,
 * whenever that changes, so the snippet offered on the indicator page can size the frame to
 * it (dashboard/components/embed_code.py): nothing is cut off at any width. Linked only from
 * the embed's first response; it does nothing outside a frame. The height is no secret, so the
 * message goes to whichever page frames the embed; the host's script accepts it only from
 * this site.
 */
(function () {
    "use strict";

    if (window.parent === window) {
        return;
    }
    var last = 0;

    function post() {
        var height = Math.ceil(document.body.getBoundingClientRect().height);
        if (height > 0 && height !== last) {
            last = height;
            window.parent.postMessage({type: "tracker-embed-height", height: height}, "*");
        }
    }

    if (typeof ResizeObserver === "function") {
        new ResizeObserver(post).observe(document.body);
    }
    window.addEventListener("load", post);
    post();
}());
