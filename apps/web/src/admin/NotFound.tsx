import NotFound from '../components/NotFoundPage';

/** Pages an account's role does not open look like pages that do not exist. */
export const NotFoundPage = NotFound;
