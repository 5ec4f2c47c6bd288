// The DRF guide's pattern: the session cookie authenticates, the csrftoken cookie goes back as X-CSRFToken.
function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.split('=')[1]) : null;
}

async function api(method, path, body) {
  const headers = {'Accept': 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['X-CSRFToken'] = cookie('csrftoken') || '';
  const response = await fetch(path, {method, headers, credentials: 'same-origin',
                                       body: body === undefined ? undefined : JSON.stringify(body)});
  const data = response.status === 204 ? {} : await response.json();
  if (!response.ok) {
    const words = data.detail || Object.entries(data).map(([field, errors]) => field + ': ' + [].concat(errors).join(' ')).join('\n');
    throw new Error(response.status + ' ' + words + (data.hint ? '\n' + data.hint : ''));
  }
  return data;
}

function show(error) { document.getElementById('error').textContent = error ? error.message : ''; }

async function refresh() {
  let me = null;
  try { me = await api('GET', '/api/me/'); } catch (e) { /* anonymous */ }
  document.getElementById('login').hidden = !!me;
  document.getElementById('app').hidden = !me;
  document.getElementById('who').textContent = me ? me.username : '';
  const posts = await api('GET', '/api/posts/');
  const list = document.getElementById('posts');
  list.replaceChildren(...posts.map(post => render(post, me)));
}

function render(post, me) {
  const article = document.createElement('article');
  article.dataset.id = post.id;
  article.dataset.owner = post.owner;
  const title = document.createElement('h2');
  title.textContent = post.title;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = 'by ' + post.owner + (post.published ? '' : ' · draft');
  const body = document.createElement('p');
  body.textContent = post.body;
  article.append(title, meta, body);
  if (me) {
    // Everyone signed in gets the button: the server decides, and a refusal shows its words.
    const edit = document.createElement('button');
    edit.textContent = post.owner === me.username ? 'Edit' : 'Edit (read-only for you)';
    edit.className = 'edit';
    edit.onclick = async () => {
      const newTitle = prompt('New title', post.title);
      if (newTitle === null) return;
      try { await api('PATCH', '/api/posts/' + post.id + '/', {title: newTitle}); show(null); await refresh(); }
      catch (e) { show(e); }
    };
    article.append(edit);
  }
  return article;
}

document.getElementById('login').onsubmit = async event => {
  event.preventDefault();
  const form = new FormData(event.target);
  try { await api('POST', '/api/auth/login/', Object.fromEntries(form)); show(null); await refresh(); }
  catch (e) { show(e); }
};
document.getElementById('logout').onclick = async () => {
  try { await api('POST', '/api/auth/logout/'); show(null); await refresh(); } catch (e) { show(e); }
};
document.getElementById('compose').onsubmit = async event => {
  event.preventDefault();
  const form = event.target;
  try {
    await api('POST', '/api/posts/', {title: form.title.value, body: form.body.value, published: form.published.checked});
    form.reset(); show(null); await refresh();
  } catch (e) { show(e); }
};
refresh().catch(show);
