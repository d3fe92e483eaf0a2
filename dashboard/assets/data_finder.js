/* /data (dashboard/pages/data.py): the words box narrows the list of indicators as the reader
 * types, and after Apply the count of matching rows takes the focus, so a screen reader says
 * it at once. Plain script on the document, not a Dash callback: it works on the page as the
 * server wrote it and on the page Dash draws, and without it the form still works (the words
 * go to the server, which hides what they do not match; the form lands on #data-result).
 *
 * Matching ignores accents, case and typographic apostrophes, as the server does
 * (pipelines/language/collation.py): every word typed must appear in the indicator's name or
 * id. The chosen indicator always stays listed; a group left empty is hidden.
 */
(function () {
    "use strict";

    var FILTERS = ["indicator", "pillar", "fiscal_from", "fiscal_to", "from", "to",
                   "include_demo"];

    function fold(text) {
        return (text || "").replace(/\u2019/g, "'").normalize("NFKD")
            .replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    function narrow(box) {
        var select = document.getElementById("data-filter-indicator");
        if (!select) {
            return;
        }
        var words = fold(box.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        var total = 0;
        Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
            var any = false;
            Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
                var text = fold(option.textContent + " " + option.value);
                var keep = option.selected || words.every(function (word) {
                    return text.indexOf(word) >= 0;
                });
                option.hidden = !keep;
                any = any || keep;
                shown += keep ? 1 : 0;
                total += 1;
            });
            group.hidden = !any;
        });
        var count = document.getElementById("data-series-count");
        var template = count && count.getAttribute("data-template");
        if (template) {
            count.textContent = template.replace("{shown}", shown).replace("{total}", total);
        }
    }

    document.addEventListener("input", function (event) {
        if (event.target && event.target.id === "data-filter-q") {
            narrow(event.target);
        }
    });

    // After Apply (or on opening a link that carries filters), focus the count once it is
    // on the page: the server wrote it, or Dash draws it a moment later.
    var params = new URLSearchParams(window.location.search);
    var asked = window.location.pathname === "/data" && FILTERS.some(function (name) {
        return params.get(name);
    });
    if (!asked) {
        return;
    }
    var tries = 0;
    function focusCount() {
        var count = document.getElementById("data-matching");
        if (count && !count.closest("[aria-hidden='true']")) {
            if (document.activeElement !== count) {
                count.focus();
            }
            return;
        }
        tries += 1;
        if (tries < 200) {
            window.setTimeout(focusCount, 50);
        }
    }
    // After the load: the browser's own jump to #data-result comes first and would take the
    // focus back to the document.
    if (document.readyState === "complete") {
        window.setTimeout(focusCount, 0);
    } else {
        window.addEventListener("load", function () { window.setTimeout(focusCount, 0); });
    }
    window.addEventListener("tracker:takeover", function () {
        var count = document.getElementById("data-matching");
        if (count && document.activeElement === document.body) {
            count.focus();
        }
    });
}());
