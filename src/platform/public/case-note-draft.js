// Saves a case note's draft on the server as the person types (issue 5: "no work is lost to a timeout or a
// closed tab"). Served as a file: the content security policy allows no inline script. Without it, the form's
// "Save as draft" button does the same.
/* global window, fetch, URLSearchParams, FormData */
const form = document.querySelector('form[data-draft-url]');
const status = document.getElementById('draft-status');
let timer;
let saving = Promise.resolve();

function save() {
  const fields = new URLSearchParams(new FormData(form));
  fields.delete('intent');
  saving = saving
    .then(() =>
      fetch(form.dataset.draftUrl, {
        method: 'POST',
        body: fields,
        credentials: 'same-origin',
        redirect: 'manual',
      }),
    )
    .then((response) => {
      if (status)
        status.textContent =
          response.status === 204
            ? 'Draft saved.'
            : 'Your draft could not be saved. Copy your text before you leave this page.';
    })
    .catch(() => {
      if (status)
        status.textContent = 'Your draft could not be saved. Copy your text before you leave this page.';
    });
}

if (form) {
  form.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  });
}
