import {
  BadRequestError,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpError,
  Param,
  Post,
  Query,
  Returns,
} from '@vitamin/core';
import { z } from 'zod';
import { greet, Greeting, GreetingRequest, UnknownPerson } from './greeting.js';

const Language = z.enum(['en', 'fr', 'de']).default('en');
const Style = z.enum(['plain', 'excited']).optional();

/** The greeting service's API. */
@Controller('/greetings')
export class GreetingController {
  @Get('/:name')
  @Returns(200, Greeting)
  @Returns(404, UnknownPerson, 'Nobody by that name')
  get(@Param('name') name: string, @Query('language', Language) language: 'en' | 'fr' | 'de'): Greeting {
    if (name === 'nobody') throw new HttpError(404, 'no such person', { error: 'unknown-person', name });
    return greet(name, language);
  }

  @Post('', { status: 201 })
  @Returns(201, Greeting)
  create(
    @Body(GreetingRequest) request: z.output<typeof GreetingRequest>,
    @Header('x-greeting-style', Style) style: z.output<typeof Style>,
  ): Greeting {
    if (request.name.trim() === '') throw new BadRequestError('name must not be blank');
    const greeting = greet(request.name, request.language);
    return style === 'excited' ? { ...greeting, message: `${greeting.message.slice(0, -1)}!!!` } : greeting;
  }

  /** Forgets a name; answers 204 with no body. */
  @Delete('/:name', { status: 204 })
  forget(@Param('name') name: string): void {
    if (name === 'nobody') throw new HttpError(404, 'no such person', { error: 'unknown-person', name });
  }

  /** Always fails: shows that a 500 carries no stack trace. */
  @Get('/_/fail')
  @Returns(200, Greeting)
  fail(): Greeting {
    throw new Error('the database password is hunter2');
  }
}
