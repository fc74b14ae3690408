// Words that say nothing about which problem a ticket is about: English function words, and the words every
// support ticket or Engage issue uses (they would match every candidate and make noise look relevant).
export const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for
from further had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'm if in into is
isn't it it's its itself just let's me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should shouldn't so some such than that that's the their theirs them themselves then
there there's these they they're this those through to too under until up very was wasn't we we're were weren't what
when where which while who whom why will with won't would wouldn't you you're your yours yourself yourselves get gets
got getting via per one two three also still even yet any every much many lot lots since like`.split(/\s+/),
);

export const GENERIC = new Set(
  `sourcegraph instance customer customers user users team teams support help please hi hello thanks thank regards
issue issues problem problems ticket question questions working work works worked seems seem seeing see saw looks look
today yesterday morning week weeks day days time times anyone someone something anything everything way need needs
know let able trying tried try happen happens happened happening now new old since after before again latest
version versions release upgrade upgraded upgrading running run runs using use used know think idea ideas appreciate
advice case cases thing things currently recently start started starting getting behaviour behavior expected
attached attach attachment logs log screenshot details info information environment setup instead same different
error errors failed failing fails fail failure message messages getting shows showing shown show keeps keep never
fine says say said want wants wanted set add send sends feels feel code intel sign found result results open page main
status another several created create put change changed next find last recently possible clear read way well
anymore quick plain given matter stopped stop broken none nobody everyone whole also bit lot really`.split(/\s+/),
);
