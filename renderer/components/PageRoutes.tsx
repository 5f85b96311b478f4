import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';

/** A section with two places: its main page at its address, and one more below it (`path`, e.g. `:flagId`). */
export function PageRoutes({ main, path, element }: { main: ReactElement; path: string; element: ReactElement }) {
  return (
    <Routes>
      <Route index element={main} />
      <Route path={path} element={element} />
    </Routes>
  );
}
