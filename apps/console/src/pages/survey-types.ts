/** A survey campaign and its questions as the console reads them (callback's `surveys`). */
export interface Question {
  text: string;
  kind: 'SCALE' | 'CHOICE' | 'TEXT';
  options?: string[] | null;
  category?: string | null;
}
export interface Campaign {
  id: string;
  siteId: string;
  kind: string;
  period: string;
  status: string;
  groupId?: string | null;
  sampleSize?: number | null;
  responses: number;
  responseRate?: number | null;
  closesAt?: string | null;
  createdAt: string;
  items: Question[];
  results: { question: number; verySatisfied: number; satisfied: number; basicallySatisfied: number; dissatisfied: number }[];
}
