// The browsable API's forms: each sends its request as an API client would (JSON, the session's CSRF token in
// X-CSRFToken) and shows the answer's page. Plain script, no build step; the page's CSP allows only this file.
(function () {
  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function show(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    document.title = page.title;
    document.body.replaceWith(page.body);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-api')) {
      return;
    }
    event.preventDefault();
    var headers = { 'Accept': 'text/html', 'X-CSRFToken': csrfToken() };
    var method = 'POST';
    var body;
    if (form.hasAttribute('data-raw')) {
      method = form.elements._method.value;
      headers['Content-Type'] = form.elements._content_type.value;
      // A DELETE sends no body, as DRF's page's button: the form holds the object it would delete.
      body = method === 'DELETE' ? undefined : form.elements._content.value;
    } else {
      var fields = {};
      new FormData(form).forEach(function (value, name) {
        if (value !== '') {
          fields[name] = value;
        }
      });
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(fields);
    }
    fetch(form.getAttribute('action'), { method: method, headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok && form.getAttribute('data-then') === 'reload') {
          location.reload();
          return null;
        }
        return response.text();
      })
      .then(function (html) {
        if (html !== null) {
          show(html);
        }
      });
  });
})();
