// Hearth's one script, served as a file so the content security policy needs no inline script.
import { initAll } from '/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) document.body.classList.add('govuk-frontend-supported');
initAll();
