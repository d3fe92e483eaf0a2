/* Hands the page to Dash when a reader reaches for something that needs it (docs/architecture.md
 * › HTML first).
 *
 * The first response is the page itself, complete: text, figures, tables, charts drawn as
 * SVG, links and GET forms that work without script. Dash is only needed for a chart's hover
 * and zoom and for the controls a callback listens to; the server marks both with
 * data-live. Nothing of Dash loads until a reader points at, touches or focuses one of them,
 * so a phone reading the page pays for no script it does not use.
 *
 * Then: Dash's scripts (kept inert in <template id="tracker-dash">) load in order while the
 * page's layout is fetched with the very request dash-renderer sends on a navigation (its
 * answer comes from the page cache: the page is not rendered again). dash-renderer draws the
 * page into its entry point, laid out but out of sight (.dash-pending), with the layout
 * already in place, so it neither shows "Loading…" nor asks the server again. Once the page
 * and every chart in it are drawn, one synchronous swap replaces the first response with it:
 * open <details>, typed values, sideways scroll of tables, focus and a pending click are
 * carried over; the page does not move (both are drawn from the same layout).
 *
 * If anything fails (a script that does not load on a poor connection), the first response
 * simply stays: it is the whole page.
 */
(function () {
    "use strict";

    var PAGE_ID = "tracker-page";
    var ENTRY_ID = "react-entry-point";
    var started = false;
    var swapped = false;
    var pendingClick = null;

    function byId(id) {
        return document.getElementById(id);
    }

    // An element's place under root, as child indices: both copies have the same markup.
    function pathOf(element, root) {
        var path = [];
        while (element && element !== root) {
            var parent = element.parentElement;
            if (!parent) {
                return null;
            }
            path.unshift(Array.prototype.indexOf.call(parent.children, element));
            element = parent;
        }
        return element === root ? path : null;
    }

    function at(root, path) {
        var element = root;
        for (var i = 0; element && path && i < path.length; i += 1) {
            element = element.children[path[i]];
        }
        return path ? element || null : null;
    }

    function setValue(control, value) {
        // React listens to input events and keeps its own copy of a controlled value:
        // set it through the prototype's setter, then tell React.
        var proto = Object.getPrototypeOf(control);
        var setter = Object.getOwnPropertyDescriptor(proto, "value");
        if (setter && setter.set) {
            setter.set.call(control, value);
        } else {
            control.value = value;
        }
        control.dispatchEvent(new Event("input", {bubbles: true}));
        control.dispatchEvent(new Event("change", {bubbles: true}));
    }

    function carryState(from, to) {
        from.querySelectorAll("details[open], input, select, textarea").forEach(function (el) {
            var twin = at(to, pathOf(el, from));
            if (!twin || twin.tagName !== el.tagName) {
                return;
            }
            if (el.tagName === "DETAILS") {
                twin.open = true;
            } else if (el.type === "checkbox" || el.type === "radio") {
                twin.checked = el.checked;
            } else if (el.type !== "hidden" && twin.value !== el.value) {
                setValue(twin, el.value);
            }
        });
        from.querySelectorAll("*").forEach(function (el) {
            if (el.scrollLeft || el.scrollTop) {
                var twin = at(to, pathOf(el, from));
                if (twin) {
                    twin.scrollLeft = el.scrollLeft;
                    twin.scrollTop = el.scrollTop;
                }
            }
        });
    }

    function swap() {
        var page = byId(PAGE_ID);
        var entry = byId(ENTRY_ID);
        var from = page && page.firstElementChild;
        var to = entry && entry.firstElementChild;
        if (swapped || !from || !to) {
            return;
        }
        swapped = true;
        carryState(from, to);
        var active = document.activeElement;
        var focused = active && page.contains(active) ? pathOf(active, from) : null;
        var x = window.scrollX;
        var y = window.scrollY;
        page.remove();
        entry.classList.remove("dash-pending");
        entry.removeAttribute("aria-hidden");
        entry.removeAttribute("inert");
        window.scrollTo(x, y);
        var target = focused && at(to, focused);
        if (target && typeof target.focus === "function") {
            target.focus({preventScroll: true});
        }
        var clicked = pendingClick && at(to, pendingClick);
        pendingClick = null;
        if (clicked) {
            clicked.click();
        }
        document.documentElement.classList.add("dash-live");
        window.dispatchEvent(new CustomEvent("tracker:takeover"));
    }

    // Drawn: the page is in place and every chart in it has been drawn by plotly.js.
    function drawn(entry) {
        var content = entry.querySelector("#_pages_content");
        if (!content || !content.firstElementChild) {
            return false;
        }
        var graphs = entry.querySelectorAll(".dash-graph");
        for (var i = 0; i < graphs.length; i += 1) {
            if (!graphs[i].querySelector(".main-svg")) {
                return false;
            }
        }
        return true;
    }

    function swapWhenDrawn() {
        var entry = byId(ENTRY_ID);
        var watcher = new MutationObserver(check);
        function check() {
            if (drawn(entry)) {
                watcher.disconnect();
                // After the frame in which the last chart was drawn: one swap, one paint.
                window.requestAnimationFrame(swap);
            }
        }
        watcher.observe(entry, {childList: true, subtree: true});
        check();
    }

    function inject(node, page) {
        if (Array.isArray(node)) {
            node.forEach(function (child) { inject(child, page); });
            return;
        }
        var props = node && typeof node === "object" ? node.props : null;
        if (!props) {
            return;
        }
        if (props.id === "_pages_content") {
            props.children = page;
        } else if (props.id === "_pages_location") {
            // Already where the browser is: the router has nothing to render on mount.
            props.pathname = window.location.pathname;
            props.search = window.location.search;
            props.hash = window.location.hash;
            props.href = window.location.href;
        } else if (props.id === "_pages_store") {
            props.data = {title: document.title};
        }
        inject(props.children, page);
    }

    function loadScripts(sources) {
        return new Promise(function (resolve, reject) {
            var left = sources.length;
            if (!left) {
                resolve();
            }
            sources.forEach(function (source) {
                var script = document.createElement("script");
                script.src = source;
                script.async = false;  // run in the order Dash lists them
                script.onload = function () {
                    left -= 1;
                    if (left === 0) {
                        resolve();
                    }
                };
                script.onerror = reject;
                document.body.appendChild(script);
            });
        });
    }

    function fetchPage() {
        var config = JSON.parse(byId("_dash-config").textContent);
        var request = byId("tracker-page-request").textContent;
        var prefix = config.requests_pathname_prefix || "/";
        return window.fetch(prefix + "_dash-update-component", {
            method: "POST", body: request, credentials: "same-origin",
            headers: {"Content-Type": "application/json"}
        }).then(function (answer) {
            if (!answer.ok) {
                throw new Error("page request: HTTP " + answer.status);
            }
            return answer.json();
        }).then(function (answer) {
            return answer.response._pages_content.children;
        });
    }

    function start() {
        var template = byId("tracker-dash");
        if (started || !template || !byId(PAGE_ID)) {
            return;
        }
        started = true;
        var sources = Array.prototype.map.call(
            template.content.querySelectorAll("script[src]"),
            function (script) { return script.getAttribute("src"); });
        Promise.all([fetchPage(), loadScripts(sources)]).then(function (done) {
            var page = done[0];
            swapWhenDrawn();
            window.tracker_dash_renderer = new window.DashRenderer({
                layout_post: function (layout) { inject(layout, page); }
            });
        }).catch(function (error) {
            // The first response stays: it is the whole page.
            if (window.console) {
                window.console.warn("Interactive features unavailable:", error);
            }
        });
    }

    function reach(event) {
        var target = event.target instanceof Element ? event.target.closest("[data-live]") : null;
        if (!target || swapped || !byId(PAGE_ID)) {
            return;
        }
        if (event.type === "click" && target.matches("button, input, select")) {
            // Replayed on Dash's copy once it is in place.
            pendingClick = pathOf(target, byId(PAGE_ID).firstElementChild);
        }
        start();
    }

    ["pointerover", "pointerdown", "touchstart", "focusin", "click"].forEach(function (kind) {
        document.addEventListener(kind, reach, {capture: true, passive: true});
    });
    // For a script of the page that needs Dash at once (and the tests).
    window.trackerTakeover = start;
}());
