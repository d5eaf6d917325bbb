import { describe, expect, it } from 'vitest';
import { camelCase, isPlainIdentifier, nameFromRoute, NameScope, safeIdentifier } from './identifiers.js';

describe('identifiers', () => {
  it.each([
    ['get-pet', 'getPet'],
    ['GetPetById', 'getPetById'],
    ['repos/get-content', 'reposGetContent'],
    ['list_all pets', 'listAllPets'],
    ['ünïcödé ☃', 'unicode'],
    ['*/ `${x}` "\'', 'x'],
    ['', ''],
  ])('camelCases %j as %j', (given, want) => {
    expect(camelCase(given)).toBe(want);
  });

  it.each([
    ['class', 'class_'],
    ['then', 'then_'],
    ['constructor', 'constructor_'],
    ['__proto__', '__proto___'],
    ['123abc', '_123abc'],
    ['', 'fallback'],
    ['getPet', 'getPet'],
  ])('makes %j the safe identifier %j', (given, want) => {
    expect(safeIdentifier(given, 'fallback')).toBe(want);
  });

  it('names an operation without operationId from its method and path', () => {
    expect(nameFromRoute('get', '/pets/{petId}/photos')).toBe('getPetsByPetIdPhotos');
    expect(nameFromRoute('post', '/')).toBe('post');
  });

  it('hands out unique names, and derived names that are all free', () => {
    const scope = new NameScope(['call']);
    expect([scope.claim('call'), scope.claim('getPet'), scope.claim('getPet')]).toEqual(['call2', 'getPet', 'getPet2']);
    const types = new NameScope(['PetRequest']);
    expect(types.claimWith('Pet', (n) => [`${n}Request`, `${n}Response`])).toBe('Pet2');
  });

  it('accepts only plain identifiers as class names', () => {
    expect(isPlainIdentifier('DeliveryClient')).toBe(true);
    expect(isPlainIdentifier('Delivery Client')).toBe(false);
    expect(isPlainIdentifier('class')).toBe(false);
  });
});
