// Progressive enhancement for the micro-wish form. Without JavaScript the form works the same; the server
// still checks every photo and every submission.
// 1. A camera photo over 5 MB is shrunk in the browser (longest side 2000 px, JPEG) before upload, so an
//    elderly resident's 8 MB phone photo is not refused. The server re-encodes it again either way.
// 2. The send button is disabled once pressed (the submission token already makes a double click one wish).
(function () {
  "use strict";
  var LIMIT = 5 * 1024 * 1024;
  var SIDE = 2000;
  var form = document.querySelector("form.wish-form");
  if (!form) {
    return;
  }
  var input = document.getElementById("id_photos");
  var button = form.querySelector("button[type=submit]");
  var canShrink = input && window.DataTransfer && window.createImageBitmap && window.File &&
    HTMLCanvasElement.prototype.toBlob;

  function shrink(file) {
    if (file.size <= LIMIT || !/^image\//.test(file.type)) {
      return Promise.resolve(file);
    }
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          var name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
          resolve(blob ? new File([blob], name, { type: "image/jpeg" }) : file);
        }, "image/jpeg", 0.85);
      });
    }).catch(function () {
      return file; // the server will explain what is wrong with it
    });
  }

  if (canShrink) {
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files);
      if (!files.some(function (file) { return file.size > LIMIT; })) {
        return;
      }
      button.disabled = true;
      form.setAttribute("aria-busy", "true");
      Promise.all(files.map(shrink)).then(function (shrunk) {
        var transfer = new DataTransfer();
        shrunk.forEach(function (file) { transfer.items.add(file); });
        input.files = transfer.files;
      }).finally(function () {
        button.disabled = false;
        form.removeAttribute("aria-busy");
      });
    });
  }

  form.addEventListener("submit", function () {
    // After this event the browser sends the form; disabling now blocks only a second press.
    window.setTimeout(function () { button.disabled = true; }, 0);
  });
  // Coming back with the Back button restores the page as it was: make the button usable again.
  window.addEventListener("pageshow", function () {
    button.disabled = false;
  });
})();
