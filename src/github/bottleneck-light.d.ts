// `bottleneck/light.js` (the build the throttling plugin itself uses, without the Redis clustering code) ships no
// types of its own; it has the same API as the full build.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
