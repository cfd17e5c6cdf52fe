// Applies the theme before the first paint, so a dark page never flashes light.
// A file rather than an inline script: the Content-Security-Policy allows only
// the app's own scripts.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('theme');
  } catch (e) {}
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
})();
