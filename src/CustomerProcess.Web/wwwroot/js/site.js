// Progressive enhancement only: every form works without this file.
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var message = form.getAttribute && form.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });
})();
