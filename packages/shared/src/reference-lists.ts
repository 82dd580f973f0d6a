// What the public reference endpoints answer: regions, directions and the default criteria, as plain arrays.
import { z } from 'zod';
import { criterion } from './competitions.js';

export const region = z.object({ code: z.string(), name: z.string(), district: z.string() });
export type Region = z.infer<typeof region>;
export const regionList = z.array(region);

export const direction = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export type Direction = z.infer<typeof direction>;
export const directionList = z.array(direction);

export const criteriaList = z.array(criterion);
export type Criterion = z.infer<typeof criterion>;
