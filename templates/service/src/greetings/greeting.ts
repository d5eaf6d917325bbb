import { z } from 'zod';

/** Body of `POST /greetings`: whom to greet. */
export const GreetingRequest = z.object({
  name: z.string().trim().min(1).max(100),
});
export type GreetingRequest = z.output<typeof GreetingRequest>;

/** What the service answers. */
export const Greeting = z.object({
  message: z.string(),
  greeted: z.number().int().describe('how many greetings this instance has said'),
});
export type Greeting = z.output<typeof Greeting>;
