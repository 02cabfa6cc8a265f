// On a phone a grid worker's menu (17 links) wrapped to seven rows, a third of the screen, on every page.
// Fold it behind one button that names the current section. Without JavaScript the menu stays open as before,
// and in elderly mode (nanjie/elderly.py) too: nothing there folds away or pops up.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var list = nav && nav.querySelector("ul");
  if (!list || list.children.length <= 5 || document.documentElement.classList.contains("elderly")) {
    return; // a resident's few links fit on one or two rows
  }
  var current = list.querySelector("[aria-current=page]");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "menu-toggle";
  list.id = "site-menu";
  button.setAttribute("aria-controls", "site-menu");
  button.setAttribute("aria-expanded", "false");
  button.textContent = nav.getAttribute("data-menu-label") + (current ? " · " + current.textContent : "");
  nav.insertBefore(button, list);
  nav.classList.add("is-folded");
  button.addEventListener("click", function () {
    var open = nav.classList.toggle("is-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
