// Read by screen readers, not shown: a name or a prefix the eye gets from the layout (an arrow, a line's place).
import styled from 'styled-components';

export const ScreenReaderOnly = styled.span`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
`;
