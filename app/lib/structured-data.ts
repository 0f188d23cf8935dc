// schema.org JSON-LD for search engines: QAPage on question pages (Google's Q&A guidance) and
// Article on knowledge-base articles. Built from plain values; page-meta puts it in the head,
// where Remix's <Meta> escapes it for the <script> element.

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
