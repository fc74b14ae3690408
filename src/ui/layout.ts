// Layout pieces the Garden-drawn parts of the panel share (the work area, details, linked issue, hand-off). They
// match the first view's static classes (style/first-view.css: .e-section, .e-sm.e-subtle) so both read as one panel.
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';

export const Section = styled.section`
  display: flex;
  flex-direction: column;
  gap: 4px;
  min-width: 0;
`;

export const Caption = styled(SM)`
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;
