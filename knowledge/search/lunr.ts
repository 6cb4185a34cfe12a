import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import danish from 'lunr-languages/lunr.da.js';

/**
 * The one place that loads lunr and registers the Danish language support (Snowball stemmer, stop words).
 * lunr-languages declares `lunr.da` outside @types/lunr, so it is reached through this typed view.
 */
stemmerSupport(lunr);
danish(lunr);

type PipelineFn = (token: lunr.Token) => lunr.Token | undefined;

interface LunrWithDanish {
  da: { stemmer: PipelineFn; stopWordFilter: PipelineFn };
  stemmer: PipelineFn;
  stopWordFilter: PipelineFn;
}

const withDanish = lunr as unknown as LunrWithDanish;

export { lunr };
export const danishStemmer = withDanish.da.stemmer;
export const danishStopWordFilter = withDanish.da.stopWordFilter;
export const englishStemmer = withDanish.stemmer;
export const englishStopWordFilter = withDanish.stopWordFilter;
