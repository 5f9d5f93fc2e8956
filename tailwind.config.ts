// Tailwind v4 reads its theme from app/globals.css (@theme); this file only tells tools where
// the content lives and that dark mode follows the `.dark` class set by next-themes.
const config = {
  darkMode: "class",
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
};
export default config;
