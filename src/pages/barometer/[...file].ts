import { barometerEndpoint } from '../../site/barometer-endpoint.ts';

// Outside the route table: the barometer's CSV files and press-release templates are not pages with a view.
export const { getStaticPaths, GET } = barometerEndpoint('da');
