import { z } from 'zod';

/** What the greeting service answers. */
export const Greeting = z.object({ message: z.string(), language: z.string() });
export type Greeting = z.output<typeof Greeting>;

/** The body of a 404: nobody by that name. */
export const UnknownPerson = z.object({ error: z.literal('unknown-person'), name: z.string() });

/** Body of `POST /greetings`: a greeting to say to someone, in a language we know. */
export const GreetingRequest = z.object({
  name: z.string().min(1).max(100),
  language: z.enum(['en', 'fr', 'de']).default('en'),
});
export type GreetingRequest = z.input<typeof GreetingRequest>;

const HELLO = { en: 'Hello', fr: 'Bonjour', de: 'Hallo' } as const;

/** Builds a greeting. */
export function greet(name: string, language: keyof typeof HELLO = 'en'): Greeting {
  return { message: `${HELLO[language]}, ${name}!`, language };
}
