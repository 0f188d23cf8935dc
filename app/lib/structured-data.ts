// schema.org JSON-LD for search engines: QAPage on question pages (Google's Q&A guidance) and
// Article on knowledge-base articles. Built from plain values so it runs anywhere; the text is
// user-written, so serializeJsonLd makes it safe inside a <script> element.

export interface JsonLdPerson {
  name: string;
  /** Absolute profile address. */
  url: string;
}

export interface JsonLdAnswer {
  text: string;
  url: string;
  dateCreated: string;
  upvoteCount: number;
  author: JsonLdPerson;
}

export interface QaPageInput {
  url: string;
  question: { name: string; text: string; dateCreated: string; upvoteCount: number; author: JsonLdPerson };
  acceptedAnswer: JsonLdAnswer | null;
  suggestedAnswers: JsonLdAnswer[];
}

const person = (author: JsonLdPerson) => ({ "@type": "Person", name: author.name, url: author.url });

const answer = (input: JsonLdAnswer) => ({
  "@type": "Answer",
  text: input.text,
  url: input.url,
  dateCreated: input.dateCreated,
  upvoteCount: input.upvoteCount,
  author: person(input.author),
});

export function qaPageJsonLd(input: QaPageInput) {
  const answerCount = input.suggestedAnswers.length + (input.acceptedAnswer ? 1 : 0);
  return {
    "@context": "https://schema.org",
    "@type": "QAPage",
    url: input.url,
    mainEntity: {
      "@type": "Question",
      name: input.question.name,
      // Google wants words here; a question whose body has none is described by its title.
      text: input.question.text || input.question.name,
      dateCreated: input.question.dateCreated,
      upvoteCount: input.question.upvoteCount,
      answerCount,
      author: person(input.question.author),
      ...(input.acceptedAnswer ? { acceptedAnswer: answer(input.acceptedAnswer) } : {}),
      ...(input.suggestedAnswers.length > 0 ? { suggestedAnswer: input.suggestedAnswers.map(answer) } : {}),
    },
  };
}

export interface ArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  author: JsonLdPerson | null;
  publisher: { name: string; url: string };
}

export function articleJsonLd(input: ArticleInput) {
  const publisher = { "@type": "Organization", name: input.publisher.name, url: input.publisher.url };
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    mainEntityOfPage: input.url,
    url: input.url,
    // Google truncates headlines past 110 characters.
    headline: input.headline.length > 110 ? `${input.headline.slice(0, 109)}…` : input.headline,
    description: input.description,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    // Articles are written by a member (credited) and published by the company.
    author: input.author ? person(input.author) : publisher,
    publisher,
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** JSON for a <script type="application/ld+json">: `<` and friends escaped, so "</script>" in a post cannot end the element. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char]!);
}
