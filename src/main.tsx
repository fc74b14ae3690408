// Entry of the sidebar iframe. Placeholder until the app shell lands (issue 2, part 5).
const root = document.getElementById('root');
if (root) root.textContent = 'Engage is loading…';
