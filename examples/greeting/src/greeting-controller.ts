import { BadRequestError, Body, Controller, Get, HttpError, Param, Post, Query } from '@vitamin/core';
import { z } from 'zod';
import { greet, GreetingRequest, type Greeting } from './greeting.js';

const Language = z.enum(['en', 'fr', 'de']).default('en');

/** The greeting service's API. */
@Controller('/greetings')
export class GreetingController {
  @Get('/:name')
  get(@Param('name') name: string, @Query('language', Language) language: 'en' | 'fr' | 'de'): Greeting {
    if (name === 'nobody') throw new HttpError(404, 'no such person', { error: 'unknown-person', name });
    return greet(name, language);
  }

  @Post('', { status: 201 })
  create(@Body(GreetingRequest) request: z.output<typeof GreetingRequest>): Greeting {
    if (request.name.trim() === '') throw new BadRequestError('name must not be blank');
    return greet(request.name, request.language);
  }

  /** Always fails: shows that a 500 carries no stack trace. */
  @Get('/_/fail')
  fail(): Greeting {
    throw new Error('the database password is hunter2');
  }
}
