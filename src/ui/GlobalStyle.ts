import { createGlobalStyle } from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';

// The iframe's own page follows the Garden theme (Garden styles components, not the page itself), and never
// scrolls sideways: the sidebar is 320-380 px wide and long words wrap.
export const GlobalStyle = createGlobalStyle`
  html, body {
    margin: 0;
    padding: 0;
    overflow-x: hidden;
    background-color: ${({ theme }) => getColor({ theme, variable: 'background.default' })};
    color: ${({ theme }) => getColor({ theme, variable: 'foreground.default' })};
    font-family: ${({ theme }) => theme.fonts.system};
    font-size: ${({ theme }) => theme.fontSizes.md};
    color-scheme: ${({ theme }) => theme.colors.base};
  }
  *, *::before, *::after { box-sizing: border-box; }
  #root { overflow-wrap: anywhere; }
`;
